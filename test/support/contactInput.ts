/** A contact with a name and an e-mail and nothing else, as `registry.saveContact` takes it. */
export const contactInput = (name: string, email: string) => ({
  name,
  email,
  phone: '',
  role: '',
  adminAccount: '',
  adminTrainingDone: false,
});
