export { assess, checkLines, formatExposure, levelOf, LEVELS, type AssessOptions, type AssessResult, type Assessment, type ExposureLevel, type InvolvedLines, type SecurityPolicy, type TestResult } from './assess';
export { readSecurityPolicy } from './policy';
