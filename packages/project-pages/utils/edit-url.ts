/**
 * The GitHub editor for a file of the site's repository. Each path segment
 * is escaped: a file name is content, and may hold `#`, `?` or spaces. Pure.
 */
export function editUrl(repository: string, branch: string, file: string): string {
	const path = file.split('/').map(encodeURIComponent).join('/');
	return `https://github.com/${repository}/edit/${encodeURIComponent(branch)}/${path}`;
}
