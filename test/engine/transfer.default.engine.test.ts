import { describeTransfers } from './transfer-cases';

describeTransfers('default');
