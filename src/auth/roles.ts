/** `admin`: feeds, rules, jobs, tokens and everything a reviewer does; `reviewer`: evidence only. */
export const ROLES = ['admin', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  tokenId: number | null; // null for the ADMIN_TOKEN from the environment
  name: string;
  role: Role;
}

export function roleAllows(have: Role, need: Role): boolean {
  return have === 'admin' || have === need;
}
