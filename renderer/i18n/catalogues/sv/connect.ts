import type { connect as en } from '../en/connect.ts';
import type { Translation } from '../translation.ts';

export const connect: Translation<typeof en> = {
  actions: {
    ssh: 'Anslut',
    sshName: 'Anslut till {{host}}',
    rdp: 'RDP',
    rdpName: 'Fjärrskrivbord (RDP) till {{host}}',
  },
  dialog: {
    title: 'Fjärrskrivbord (RDP) till {{host}}',
    client:
      'Öppnar fjärrskrivbordet i ett eget fönster med supportkontots lagrade lösenord. Sessionen pågår tills fönstret stängs.',
    connect: 'Öppna fjärrskrivbord',
  },
  duration: 'Tid {{elapsed}}',
};
