export { planHardening, hardeningDropInUri, hardeningComment, settingKey, type HardeningPlan, type HardenOptions, type PlannedSetting, type HeldBackSetting } from './plan';
export { HARDENING_LEVELS, type HardeningLevel } from '../../kb/hardening';
