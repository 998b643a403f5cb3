/** The Glassbox version recorded in exported models and snapshots (package.json's). */
import packageJson from '../../package.json';

export const GLASSBOX_VERSION: string = packageJson.version;
