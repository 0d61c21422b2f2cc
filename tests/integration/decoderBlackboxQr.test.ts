import { blackboxSuite } from './decoderBlackbox';

blackboxSuite('QR codes', (folder) => /^qrcode-/.test(folder));
