import type { Queryable } from '../../db/db.js';
import type { Customer } from '../auth/session.js';
import { WishlistRepository } from './repository.js';

/**
 * Sign-in merge, inside the caller's transaction: the guest list (if any) joins the customer's list. Union by
 * product and variant, earliest added date kept, votes and comments moved (a voter's latest vote wins), share
 * links and the guest's other devices kept working. Returns the customer's list and the lists merged away.
 */
export async function mergeGuestList(tx: Queryable, customer: Customer, guest: string | undefined): Promise<{ target: string; merged: string[] }> {
  const lists = new WishlistRepository(tx);
  const account = await lists.accountList(customer.id);
  if (!account) {
    if (!guest) return { target: await lists.create(customer.firstName, customer.id), merged: [] };
    await lists.adopt(guest, customer.id, customer.firstName);
    return { target: guest, merged: [] };
  }
  if (!guest || guest === account) return { target: account, merged: [] };
  await lists.mergeInto(guest, account);
  return { target: account, merged: [guest] };
}
