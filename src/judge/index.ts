export { judge, type JudgeOptions } from './judge.js';
export { judgeTrajectory, judgeAgreement, type AgreementRun, type AgreementRunOptions } from './judge-run.js';
export { compareVerdicts, pairVerdicts, agreementStats, cohensKappa, confusionOf, AgreementReport, AgreementStats, Confusion, type VerdictPair } from './agreement.js';
export { evidenceFromTrajectory } from './evidence.js';
export { buildJudgeMessages } from './prompt.js';
export { parseVerdicts } from './parse-verdicts.js';
export { JudgeEvidence, JudgeResult, JudgeVerdict } from './schemas.js';
