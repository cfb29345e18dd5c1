// What every end-to-end driver shares: named checks that stop at the first mismatch, command-line
// arguments, and users signed up in the Firebase Auth Emulator (its REST sign-up returns an ID
// token the server verifies for real).
let passed = 0;

export function check(what: string, condition: boolean): void {
  if (!condition) {
    console.error("e2e: FAILED: " + what);
    console.log(`e2e: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed++;
  console.log("e2e: ok - " + what);
}

/** Prints the final tally. */
export function summary(): void {
  console.log(`e2e: ${passed} passed, 0 failed`);
}

export function arg(name: string): string {
  const i = process.argv.indexOf("--" + name);
  if (i < 0 || i + 1 >= process.argv.length) {
    throw new Error("missing --" + name);
  }
  return process.argv[i + 1];
}

export async function signUp(auth: string, name: string): Promise<{ uid: string; token: string }> {
  const response = await fetch(
    auth + "/identitytoolkit.googleapis.com/v1/accounts:signUp?key=e2e-api-key",
    {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        email: name + "@e2e.kairos.test",
        password: "e2e-password-1",
        returnSecureToken: true,
      }),
    },
  );
  const body = (await response.json()) as { localId: string; idToken: string };
  check("emulator created user " + name, response.status === 200 && !!body.idToken);
  return { uid: body.localId, token: body.idToken };
}
