import { paginateListAccounts } from '@aws-sdk/client-organizations';
import type { ClientFactory } from './client-factory.js';

export interface OrganizationAccount {
  id: string;
  name?: string;
}

/**
 * The ACTIVE member accounts of the caller's AWS Organization, by id. Only the management account and a delegated
 * administrator may list them. Suspended accounts, and those being created or closed, cannot be assumed into and are
 * left out. `State` replaces `Status`, which AWS retires in September 2026; either says ACTIVE for an open account.
 */
export async function listActiveAccounts(clients: ClientFactory): Promise<OrganizationAccount[]> {
  const accounts: OrganizationAccount[] = [];
  // Organizations has one endpoint, in us-east-1 for the aws partition; the factory signs it for that region.
  const client = clients.get('organizations', 'us-east-1');
  for await (const page of paginateListAccounts({ client }, {})) {
    for (const a of page.Accounts ?? []) {
      const state = a.State ?? a.Status;
      if (a.Id && state === 'ACTIVE') accounts.push({ id: a.Id, ...(a.Name ? { name: a.Name } : {}) });
    }
  }
  return accounts.sort((a, b) => a.id.localeCompare(b.id));
}
