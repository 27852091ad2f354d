import * as argon2 from 'argon2';

// Every password hash and check goes through here (argon2id), so that one place decides how
// passwords are hashed and a test can see that a check ran.
export const passwordHashing = {
  hash: (password: string): Promise<string> => argon2.hash(password),
  /** false for a wrong password and for an unreadable hash */
  verify: (hash: string, password: string): Promise<boolean> => argon2.verify(hash, password).catch(() => false),
};
