/**
 * Objections (SPEC §9): what the form handlers, the commands and the team's desk call. Every
 * function takes the database, and the content, clock or secret it needs, as parameters.
 */
export { handleObjection, handleObjectionConfirm } from './handlers';
export { composeObjectionMail } from './mail';
export { personalToken, verifyPersonalToken, personalLinkExpiry, PERSONAL_LINK_DAYS } from './link';
export { confirmLinkState, confirmObjection, fileFromSubscriber, objectionByViewKey, submitUnverified, OUTCOMES, type Outcome, type Submission } from './queries';
export { countKey, isOutcome, objectionCounts, objectionRecord, objectionRegister, resolveObjection, stateText, type ObjectionCount, type ObjectionRecord, type ObjectionState } from './register';
export { buildEvidence, evidenceHash, verifyEvidence, type EvidencePack } from './evidence';
export { changeTitle, instantText } from './messages';
export { GROUNDS_LIMIT, LINE_LIMIT, LINK_NOTE, OBJECTION_BODY_LIMIT } from './fields';
export { DRAFT_LIFETIME_MS, readDraft, type Draft } from './drafts';
export { objectionFormState, type FormState } from './form-state';
