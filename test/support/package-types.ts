// Every node and credential type this package ships, found through package.json's "n8n" field
// so a new provider is picked up by the engine tests without editing them.
import path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import pkg from '../../package.json';

const root = path.resolve(__dirname, '../..');

/** The module behind a dist path, without extension: TypeScript under jest, JavaScript once compiled. */
function sourceOf(distPath: string): string {
	return path.join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, ''));
}

function instances<T>(paths: string[]): Array<T> {
	return paths.map((distPath) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exports = require(sourceOf(distPath)) as Record<string, new () => T>;
		return new (Object.values(exports)[0])();
	});
}

export function packageNodes(): Record<string, INodeType> {
	return Object.fromEntries(
		instances<INodeType>(pkg.n8n.nodes).map((node) => [node.description.name, node]),
	);
}

export function packageCredentials(): Record<string, ICredentialType> {
	return Object.fromEntries(
		instances<ICredentialType>(pkg.n8n.credentials).map((credential) => [
			credential.name,
			credential,
		]),
	);
}
