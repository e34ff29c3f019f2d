import { describeTransfers } from './transfer-cases';

describeTransfers('filesystem');
