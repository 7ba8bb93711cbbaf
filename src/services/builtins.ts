import { blockStorage } from './block-storage/index.js';
import { compute } from './compute/index.js';
import { identity } from './identity/index.js';
import { image } from './image/index.js';
import { network } from './network/index.js';
import { objectStore } from './object-store/index.js';
import { metric } from './metric/index.js';
import { alarm } from './alarm/index.js';
import { message } from './message/index.js';
import { orchestration } from './orchestration/index.js';
import { keyManager } from './key-manager/index.js';
import { clustering } from './clustering/index.js';
import { database } from './database/index.js';

/** Every built-in service, in the order the full entry registers them. */
export const builtinServices = [identity, objectStore, compute, image, network, blockStorage, metric, alarm, message, orchestration, keyManager, clustering, database] as const;
