import { describeDigestAndDownload } from './digest-download-cases';

describeDigestAndDownload('default');
