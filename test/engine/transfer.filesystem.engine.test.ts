import { describeTransfers } from './transfer-cases';

// New S3 buckets have ACLs disabled; the filesystem-mode run uses such a bucket, the default-mode
// run one with ACLs on.
describeTransfers('filesystem', { aclsEnabled: false });
