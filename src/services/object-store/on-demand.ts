import { lazy } from '../../session/lazy.js';

// The object store's code that only some calls need, loaded on first use (README, "Only what you
// use"): a console that lists containers and objects loads none of it.
export const uploads = lazy('uploads', () => import('./upload.js'));
export const streamUploads = lazy('stream uploads', () => import('./stream-upload.js'));
export const largeObjects = lazy('large objects', () => import('./large-object.js'));
export const oldSegments = lazy('replaced segments', () => import('./old-segments.js'));
export const downloads = lazy('downloads', () => import('./download.js'));
export const bulk = lazy('bulk delete', () => import('./bulk.js'));
export const tempUrls = lazy('temp URLs', () => import('./temp-url.js'));
export const formPosts = lazy('form POST signatures', () => import('./form-post.js'));
