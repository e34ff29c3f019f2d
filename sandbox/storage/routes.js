'use strict';

// Which S3 operation a request is, from its method, key and query, and the code that runs it.

const { putObject } = require('./put-object');
const { postObject } = require('./post-object');
const {
	createMultipartUpload,
	uploadPart,
	completeMultipartUpload,
	abortMultipartUpload,
} = require('./multipart');
const { getObject } = require('./get-object');
const { deleteObject } = require('./delete-object');
const { listObjects, headBucket } = require('./list-objects');

const OPERATIONS = {
	PutObject: putObject,
	UploadPart: uploadPart,
	CreateMultipartUpload: createMultipartUpload,
	CompleteMultipartUpload: completeMultipartUpload,
	AbortMultipartUpload: abortMultipartUpload,
	DeleteObject: deleteObject,
	GetObject: getObject,
	HeadObject: getObject,
	ListObjects: listObjects,
	HeadBucket: headBucket,
	PostObject: postObject,
};

function operationFor(method, key, query) {
	if (key === '') {
		if (method === 'POST') return 'PostObject';
		if (method === 'GET') return 'ListObjects';
		if (method === 'HEAD') return 'HeadBucket';
		return 'Unsupported';
	}
	if (method === 'PUT') {
		if (query.has('x-amz-copy-source')) return 'Unsupported';
		return query.has('uploadId') || query.has('partNumber') ? 'UploadPart' : 'PutObject';
	}
	if (method === 'POST') {
		if (query.has('uploads')) return 'CreateMultipartUpload';
		if (query.has('uploadId')) return 'CompleteMultipartUpload';
		return 'Unsupported';
	}
	if (method === 'DELETE') return query.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
	if (method === 'GET' || method === 'HEAD') {
		if (query.has('uploadId')) return 'Unsupported';
		return method === 'GET' ? 'GetObject' : 'HeadObject';
	}
	return 'Unsupported';
}

/** The handler of an operation; undefined for what the sandbox does not implement. */
const handlerOf = (operation) => OPERATIONS[operation];

module.exports = { operationFor, handlerOf };
