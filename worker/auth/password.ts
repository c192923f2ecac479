// Password hashing with PBKDF2-SHA-256 through WebCrypto. 100.000 iterations is the most the Workers
// runtime allows for PBKDF2; the stored string names its parameters, so they can be raised later.
const ITERATIONS = 100_000;
const encoder = new TextEncoder();

function b64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function unb64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password.normalize("NFC")), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${ITERATIONS}$${b64(salt)}$${b64(await derive(password, salt, ITERATIONS))}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [scheme, iter, salt, hash] = (stored ?? "").split("$");
  if (scheme !== "pbkdf2-sha256" || !iter || !salt || !hash) {
    // Same work for unknown users, so timing does not tell which emails exist.
    await derive(password, new Uint8Array(16), ITERATIONS);
    return false;
  }
  const actual = await derive(password, unb64(salt), Number(iter));
  const expected = unb64(hash);
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < actual.length; i++) diff |= actual[i]! ^ (expected[i] ?? 0);
  return diff === 0;
}

/** 20 characters from an alphabet without look-alikes (0/O, 1/l/I), about 100 bits, grouped in fours so
 * an administrator can read it out over the phone; handed over once and changed by its owner on the
 * account page. Unbiased: 256 is a multiple of the alphabet's 32 letters. */
export function newInitialPassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  const chars = [...crypto.getRandomValues(new Uint8Array(20))].map((b) => alphabet[b % 32]);
  return [0, 4, 8, 12, 16].map((i) => chars.slice(i, i + 4).join("")).join("-");
}
