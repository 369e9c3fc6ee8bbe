import { useMemo } from 'react';
import {
  canCommentDiagnostic,
  canCreateProgramme,
  canEditMembers,
  canFillDiagnostic,
  canManageFrameworks,
  canManageOrganisations,
  canManageProgramme,
  canReadDiagnosticReport,
  canReadProgrammeReports,
  canValidateDiagnostic,
  canImportRegistry,
  canManageUsers,
  canReadAuditLog,
  canSeePersonalData,
  canWriteRegistry,
} from '../../core/access/policies.js';
import { canReadCatalogue, canManageCatalogue } from '../../core/training/training.policies.js';
import { canReadTrainingPath } from '../../core/training/plan.policies.js';
import { canSeeFollowUpLists } from '../../core/follow-up/follow-up.policies.js';
import { canReadOutbox } from '../../core/reminders/reminders.policies.js';
import { principalOf, useSession } from './session.api.js';

/**
 * What the signed-in person may do, from the same policies the server enforces.
 * The web only hides what the server would refuse anyway.
 */
export function usePermissions() {
  const { data: user } = useSession();
  return useMemo(() => {
    const principal = user ? principalOf(user) : null;
    return {
      canWriteRegistry: principal ? canWriteRegistry(principal) : false,
      canImportRegistry: principal ? canImportRegistry(principal) : false,
      canManageUsers: principal ? canManageUsers(principal) : false,
      canReadAuditLog: principal ? canReadAuditLog(principal) : false,
      canEditMembers: (cooperativeId: string) => (principal ? canEditMembers(principal, cooperativeId) : false),
      canSeePersonalData: (cooperativeId: string) => (principal ? canSeePersonalData(principal, cooperativeId) : false),
      canCreateProgramme: principal ? canCreateProgramme(principal) : false,
      canManageOrganisations: principal ? canManageOrganisations(principal) : false,
      canManageFrameworks: principal ? canManageFrameworks(principal) : false,
      canManageProgramme: (programmeId: string) => (principal ? canManageProgramme(principal, programmeId) : false),
      canFillDiagnostic: (programmeId: string) => (principal ? canFillDiagnostic(principal, programmeId) : false),
      canValidateDiagnostic: (programmeId: string) => (principal ? canValidateDiagnostic(principal, programmeId) : false),
      canCommentDiagnostic: (programmeId: string, cooperativeId: string) => (principal ? canCommentDiagnostic(principal, programmeId, cooperativeId) : false),
      canReadDiagnosticReport: (programmeId: string, cooperativeId: string) =>
        principal ? canReadDiagnosticReport(principal, programmeId, cooperativeId) : false,
      canReadCatalogue: principal ? canReadCatalogue(principal) : false,
      canManageCatalogue: principal ? canManageCatalogue(principal) : false,
      canReadProgrammeReports: (programmeId: string) => (principal ? canReadProgrammeReports(principal, programmeId) : false),
      canSeeFollowUpLists: principal ? canSeeFollowUpLists(principal) : false,
      canReadOutbox: principal ? canReadOutbox(principal) : false,
      canReadTrainingPath: (programmeId: string, cooperativeId: string) => (principal ? canReadTrainingPath(principal, programmeId, cooperativeId) : false),
    };
  }, [user]);
}
