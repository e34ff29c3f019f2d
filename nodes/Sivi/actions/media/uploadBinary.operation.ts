import type { INodeProperties } from 'n8n-workflow';

import {
	binaryPropertyField,
	operationFields,
	optionsCollection,
	uploadTargetField,
} from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { uploadItem } from '../../../shared/items';
import { isPresignAnswer, targetOf } from '../../helpers/target';
import { uploadOptionFields } from '../fields';

const properties: INodeProperties[] = [
	binaryPropertyField,
	uploadTargetField(
		"The target from Get Upload URL, or Sivi's own answer ({ uploadUrl, method, headers })",
		'Where to upload and with which headers. Exactly these headers are sent: the URL is signed for them.',
	),
	optionsCollection(uploadOptionFields),
];

export const description = operationFields('media', 'uploadBinary', properties);

/** Uploads the item's binary with the returned method and headers and nothing else. */
export const execute: ItemOperation = async function (itemIndex) {
	const given = this.getNodeParameter('target', itemIndex);
	const target = isPresignAnswer(given) ? targetOf(given) : given;
	return await uploadItem(this, itemIndex, target);
};
