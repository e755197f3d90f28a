import { z } from 'zod';

// Raw form input for sign-in; sizes capped so a huge field is a clear message, not work for the hasher.
export const signInForm = z.object({
  identifier: z.string({ error: 'signIn.identifier.required' }).trim().min(1, 'signIn.identifier.required').max(254, 'signIn.identifier.required'),
  password: z.string({ error: 'signIn.password.required' }).min(1, 'signIn.password.required').max(256, 'signIn.password.required'),
  next: z.string().max(2000).optional(),
});

export const totpForm = z.object({
  code: z.string({ error: 'signIn.totp.invalid' }).trim().min(6, 'signIn.totp.invalid').max(32, 'signIn.totp.invalid'),
});
