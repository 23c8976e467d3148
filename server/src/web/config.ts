import { CONFIG_FILE_NAME, ConfigFile } from '../core/config';
import type { Locale } from '../core/model';
import { ConfigError, configText, parseConfig } from '../shared/config-file';
import type { ClientFiles, ReadResult } from './files';
import { dirOf, displayPath, isInside, joinUri, parentOf } from './uri';

export interface FoundConfig {
  uri: string;
  /** The config's folder: its `ignore` and `overrides` paths are relative to it. */
  dir: string;
  config?: ConfigFile;
  error?: string;
}

interface OnDisk {
  uri: string;
  read: ReadResult;
}

/**
 * The nearest `.xxgk-lint.json` of each document, read through the client's file system and cached
 * until a watched-file event (the web counterpart of lsp/settings.ts's ConfigStore). The search
 * stops at the workspace folder that holds the document (a folder's parent is usually out of reach
 * in a browser), else goes up to the root. An ignore entry the server itself added wins over what
 * was read, until the file is read again.
 */
export class WebConfigs {
  private readonly search = new Map<string, Promise<OnDisk | null>>();
  private readonly loaded = new Map<string, FoundConfig>();
  private readonly pending = new Map<string, ConfigFile>();

  constructor(private readonly files: ClientFiles) {}

  async lookup(file: string, stopAt: string | undefined, locale: Locale): Promise<FoundConfig | undefined> {
    const found = await this.nearest(file, stopAt);
    if (!found) return undefined;
    const pending = this.pending.get(found.uri);
    if (pending) return { uri: found.uri, dir: dirOf(found.uri), config: pending };
    let entry = this.loaded.get(found.uri);
    if (!entry) {
      entry = { uri: found.uri, dir: dirOf(found.uri) };
      try {
        entry.config = this.parse(found.read, found.uri, locale);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        entry.error = e.message;
      }
      this.loaded.set(found.uri, entry);
    }
    return entry;
  }

  /** Where a new ignore entry for this file goes: the nearest config, else a new one in its workspace folder. */
  async placeFor(file: string, folder: string | undefined): Promise<{ uri: string; text?: string }> {
    const found = await this.nearest(file, folder);
    if (!found) return { uri: joinUri(folder ?? dirOf(file), CONFIG_FILE_NAME) };
    const read = await this.files.read(found.uri);
    if (read.kind === 'error') throw new Error(read.message);
    return { uri: found.uri, text: read.kind === 'ok' ? new TextDecoder().decode(read.bytes) : undefined };
  }

  remember(uri: string, config: ConfigFile): void {
    this.pending.set(uri, config);
    this.search.clear();
  }

  /** Drops what was read; a config the server added to is read again once it holds a valid config. */
  async invalidate(changed: string[] = []): Promise<void> {
    this.search.clear();
    this.loaded.clear();
    for (const uri of changed) {
      if (!this.pending.has(uri)) continue;
      try {
        this.parse(await this.files.read(uri), uri, 'en');
        this.pending.delete(uri);
      } catch {
        // not saved yet, or deleted: keep what the server wrote
      }
    }
  }

  private parse(read: ReadResult, uri: string, locale: Locale): ConfigFile {
    const shown = displayPath(uri);
    if (read.kind !== 'ok')
      throw new ConfigError(configText('configUnreadable', locale, { file: shown, code: read.kind === 'error' ? read.message : 'ENOENT' }));
    return parseConfig(new TextDecoder().decode(read.bytes), shown, locale);
  }

  /** The nearest config on disk, or one the server added that is nearer. */
  private async nearest(file: string, stopAt: string | undefined): Promise<OnDisk | undefined> {
    let best = (await this.onDisk(dirOf(file), stopAt)) ?? undefined;
    for (const uri of this.pending.keys()) {
      const dir = dirOf(uri);
      if (isInside(file, dir) && (!best || dir.length > dirOf(best.uri).length)) best = { uri, read: { kind: 'missing' } };
    }
    return best;
  }

  private onDisk(dir: string, stopAt: string | undefined): Promise<OnDisk | null> {
    let found = this.search.get(dir);
    if (!found) {
      found = (async () => {
        const uri = joinUri(dir, CONFIG_FILE_NAME);
        const read = await this.files.read(uri);
        if (read.kind !== 'missing') return { uri, read };
        const parent = stopAt !== undefined && dir.replace(/\/$/, '') === stopAt.replace(/\/$/, '') ? undefined : parentOf(dir);
        return parent ? this.onDisk(parent, stopAt) : null;
      })();
      this.search.set(dir, found);
    }
    return found;
  }
}
