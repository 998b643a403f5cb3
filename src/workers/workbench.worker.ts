/// <reference lib="webworker" />
/** The workbench Web Worker: the loaded table and every computation on it live here. */
import * as Comlink from 'comlink';
import { Workbench } from './workbench';

Comlink.expose(new Workbench());
