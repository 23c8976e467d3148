import * as path from 'node:path';
import { CONFIG_FILE_NAME, ConfigFile } from '../core/config';
import type { Locale } from '../core/model';
import { ConfigError, LoadedConfig } from '../shared/config-file';

export interface FoundConfig {
  path: string;
  dir: string;
  config?: ConfigFile;
  error?: string;
}

/** How the server finds and reads config files: the host (Node, a browser) gives it its file system. */
export interface ConfigFiles {
  /** The nearest `.xxgk-lint.json` at or above `file`'s folder; `cache` maps folders to what was found. */
  find(file: string, cache: Map<string, string | null>): string | undefined;
  /** Reads and checks one; throws a ConfigError worded in `locale`. */
  load(file: string, locale?: Locale): LoadedConfig;
}

/**
 * The nearest `.xxgk-lint.json` of each file, read once and cached until a watched-file event.
 * An ignore entry the server itself added (through the editor, maybe still unsaved) wins over disk.
 */
export class ConfigStore {
  private readonly search = new Map<string, string | null>();
  private readonly loaded = new Map<string, FoundConfig>();
  private readonly pending = new Map<string, ConfigFile>();

  constructor(private readonly files: ConfigFiles) {}

  /** The config of `file`; a broken one comes with its problems worded in `locale`. */
  lookup(file: string, locale: Locale): FoundConfig | undefined {
    const found = this.nearest(file);
    if (!found) return undefined;
    const pending = this.pending.get(found);
    if (pending) return { path: found, dir: path.dirname(found), config: pending };
    let entry = this.loaded.get(found);
    if (!entry) {
      try {
        const c = this.files.load(found, locale);
        entry = { path: c.path, dir: c.dir, config: c.config };
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        entry = { path: found, dir: path.dirname(found), error: e.message };
      }
      this.loaded.set(found, entry);
    }
    return entry;
  }

  /** The nearest config on disk, or one the server added that is nearer (the editor may not have saved it yet). */
  private nearest(file: string): string | undefined {
    let best = this.files.find(file, this.search);
    for (const p of this.pending.keys()) {
      const dir = path.dirname(p);
      const inside = file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
      if (inside && (!best || dir.length > path.dirname(best).length)) best = p;
    }
    return best;
  }

  /** Where a new config for this file goes: the nearest existing one, else the workspace folder. */
  placeFor(file: string, folders: string[]): string {
    const found = this.nearest(file);
    if (found) return found;
    const folder = folders.filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0];
    return path.join(folder ?? path.dirname(file), CONFIG_FILE_NAME);
  }

  remember(configPath: string, config: ConfigFile): void {
    this.pending.set(configPath, config);
    this.search.clear();
  }

  /**
   * Drops everything read from disk. A changed config the server had added to is read from disk
   * again once the disk holds a valid config (the editor saved it).
   */
  invalidate(changed: string[] = []): void {
    this.search.clear();
    this.loaded.clear();
    for (const c of changed) {
      if (!this.pending.has(c)) continue;
      try {
        this.files.load(c);
        this.pending.delete(c);
      } catch {
        // not saved yet, or deleted: keep what the server wrote
      }
    }
  }
}
