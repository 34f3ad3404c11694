/** Support agreements and data-processing agreements (DPAs) on the customer page. */
export const contracts = {
  services: {
    none: 'Add the service the agreement covers: an agreement without a service cannot be saved',
    unnamed: 'Service {{number}} has no name: name it, or remove its row',
  },
} as const;
