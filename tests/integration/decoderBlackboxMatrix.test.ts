import { blackboxSuite } from './decoderBlackbox';

blackboxSuite('Data Matrix and PDF417', (folder) => /^(datamatrix|pdf417)-/.test(folder));
