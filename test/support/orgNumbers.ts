/** Luhn check digit over nine digits, as Swedish organisation numbers use it (worked independently of the code under test). */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid organisation number `NNNNNN-NNNN` from a six-digit prefix (third digit >= 2) and a three-digit serial. */
export function orgNumber(prefix: string, serial: number): string {
  // A third digit below 2 would make a person's number, which a customer may not have.
  if (!/^\d\d[2-9]\d{3}$/.test(prefix))
    throw new Error(`${prefix}: an organisation's third digit is 2 or more`);
  return withCheckDigit(prefix, serial);
}

/** A valid personal identity number `YYMMDD-NNNN` (a samordningsnummer when the day is 61-91), 10 digits. */
export function personalIdentityNumber(birthDate: string, serial: number): string {
  return withCheckDigit(birthDate, serial);
}

function withCheckDigit(prefix: string, serial: number): string {
  const nine = prefix + String(serial).padStart(3, '0');
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}
