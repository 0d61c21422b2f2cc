import { blackboxSuite } from './decoderBlackbox';

blackboxSuite('linear codes', (folder) => /^(code128|code39|itf|ean13)-/.test(folder));
