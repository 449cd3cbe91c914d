export { planHardening, hardeningDropInUri, hardeningComment, type HardeningPlan, type HardenOptions, type PlannedSetting, type HeldBackSetting } from './plan';
export { HARDENING_LEVELS, type HardeningLevel } from '../../kb/hardening';
