import type { KeyStore } from '../../common/api/contract.ts';
import { writeDataConfig, type DataConfig } from '../app/dataConfig.node.ts';
import { lastLoggedEvent } from '../store/auditAppend.ts';
import type { Db } from '../store/database.node.ts';
import { headFilePlace, protectedAnchorPlace, type AnchorPlace } from '../vault/auditAnchorPlaces.node.ts';
import type { Keychain } from '../vault/keychain.node.ts';
import { GENESIS_HEAD, sealingKey, type AuditHead } from './auditAnchor.ts';

/**
 * Every place that records the audit log's head: audit-head.json beside the store, then the protected anchor (the
 * keychain, or the key file). They are written after the event's transaction commits, in that order, and only ever
 * forward, so a crash can leave them behind the log (by the one event whose commit it followed) but never ahead of
 * it. `verifyAuditLog` holds them to exactly that. See docs/audit.md.
 */
export class AuditAnchors {
  constructor(readonly places: readonly AnchorPlace[]) {}

  static forStore(options: {
    dataDir: string;
    keyStore: KeyStore;
    keychain: Keychain;
    databaseKey: Buffer;
  }): AuditAnchors {
    const { dataDir, keyStore, keychain, databaseKey } = options;
    return new AuditAnchors([
      headFilePlace(dataDir),
      protectedAnchorPlace(dataDir, keyStore, keychain, sealingKey(databaseKey)),
    ]);
  }

  /** After a commit: moves each anchor up to `head`; one already there or further (another process) stays. */
  async advance(head: AuditHead): Promise<void> {
    for (const place of this.places) {
      const current = await place.read();
      if (current.state === 'present' && current.head.seq >= head.seq) continue;
      if (current.state !== 'present' && !place.rewrittenWhenLost) continue;
      await place.write(head);
    }
  }

  /** Writes every anchor: a new store (at the empty log's head), or a restored one (at its backup's head). */
  async establish(head: AuditHead = GENESIS_HEAD): Promise<void> {
    for (const place of this.places) await place.write(head);
  }

  /** Removes what `establish` wrote, when the set-up it was part of failed. */
  async discard(): Promise<void> {
    for (const place of this.places) await place.remove();
  }
}

/**
 * A store made before Lotsen kept a protected anchor gets one at its log's present head, once: lotsen.json then says
 * so, and from then on a missing anchor is a failure rather than a store that predates them. Anchors that exist are
 * left as they are, so this never hides anything verify would have reported.
 */
export async function anchorOlderStore(
  dataDir: string,
  config: DataConfig,
  anchors: AuditAnchors,
  db: Db,
): Promise<DataConfig> {
  if (config.auditAnchored) return config;
  const head = await lastLoggedEvent(db);
  for (const place of anchors.places) {
    if ((await place.read()).state === 'missing') await place.write(head);
  }
  const anchored: DataConfig = { ...config, auditAnchored: true };
  await writeDataConfig(dataDir, anchored);
  return anchored;
}
