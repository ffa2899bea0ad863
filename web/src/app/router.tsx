import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './layout';
import { AcceptInvitationPage } from './routes/accept-invitation';
import { AccountPage } from './routes/account';
import { ApplicationPage } from './routes/application';
import { ApplicationsPage } from './routes/applications';
import { AuditPage } from './routes/audit';
import { DocumentsPage } from './routes/documents';
import { EditOfferingPage } from './routes/edit-offering';
import { ForgotPasswordPage } from './routes/forgot-password';
import { HomePage } from './routes/home';
import { InstitutionGroupPage, InstitutionGroupsPage } from './routes/institution-groups';
import { InstitutionMatchRoundsPage } from './routes/institution-match-rounds';
import { InstitutionOfferingsPage } from './routes/institution-offerings';
import { InstitutionsPage } from './routes/institutions';
import { LetterUploadPage } from './routes/letter-upload';
import { LettersPage } from './routes/letters';
import { LoginPage } from './routes/login';
import { MatchRoundPage } from './routes/match-round';
import { MatchRoundsPage } from './routes/match-rounds';
import { NewOfferingPage } from './routes/new-offering';
import { NotFoundPage } from './routes/not-found';
import { OfferingPage } from './routes/offering';
import { OfferingCompliancePage } from './routes/offering-compliance';
import { OfferingOnboardingPage } from './routes/offering-onboarding';
import { OnboardingPage } from './routes/onboarding';
import { InstitutionOnboardingPage } from './routes/institution-onboarding';
import { OfferingOffersPage } from './routes/offering-offers';
import { OfferingReviewPage } from './routes/offering-review';
import { ReviewSettingsPage } from './routes/review-settings';
import { OfferingInterviewsPage } from './routes/offering-interviews';
import { ApplicationInterviewPage } from './routes/application-interview';
import { SchoolVerificationPage } from './routes/school-verification';
import { StaffApplicationPage } from './routes/staff-application';
import { ProfilePage } from './routes/profile';
import { RegisterPage } from './routes/register';
import { ResetPasswordPage } from './routes/reset-password';
import { RotationsPage } from './routes/rotations';
import { RouteError } from './routes/route-error';
import { SavedSearchesPage } from './routes/saved-searches';
import { SpecialtiesPage } from './routes/specialties';
import { StaffPage } from './routes/staff';
import { VerifyEmailPage } from './routes/verify-email';
import { InstitutionPlacementsPage } from './routes/institution-placements';
import { MyRotationPage } from './routes/my-rotation';
import { MyRotationsPage } from './routes/my-rotations';
import { MyInterviewsPage } from './routes/my-interviews';
import { StudentPage } from './routes/student';
import { StudentsPage } from './routes/students';
import { VerifyPage } from './routes/verify';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'rotations', element: <RotationsPage /> },
      { path: 'rotations/:offeringId', element: <OfferingPage /> },
      { path: 'saved-searches', element: <SavedSearchesPage /> },
      { path: 'institutions', element: <InstitutionsPage /> },
      { path: 'specialties', element: <SpecialtiesPage /> },
      { path: 'institutions/:id/staff', element: <StaffPage /> },
      { path: 'institutions/:id/offerings', element: <InstitutionOfferingsPage /> },
      { path: 'institutions/:id/offerings/new', element: <NewOfferingPage /> },
      { path: 'institutions/:id/offerings/:offeringId', element: <EditOfferingPage /> },
      { path: 'institutions/:id/offerings/:offeringId/compliance', element: <OfferingCompliancePage /> },
      { path: 'institutions/:id/offerings/:offeringId/onboarding', element: <OfferingOnboardingPage /> },
      { path: 'institutions/:id/onboarding', element: <InstitutionOnboardingPage /> },
      { path: 'institutions/:id/offerings/:offeringId/review', element: <OfferingReviewPage /> },
      { path: 'institutions/:id/offerings/:offeringId/offers', element: <OfferingOffersPage /> },
      { path: 'institutions/:id/offerings/:offeringId/interviews', element: <OfferingInterviewsPage /> },
      { path: 'institutions/:id/applications/:applicationId', element: <StaffApplicationPage /> },
      { path: 'institutions/:id/review-settings', element: <ReviewSettingsPage /> },
      { path: 'institutions/:id/match-rounds', element: <InstitutionMatchRoundsPage /> },
      { path: 'institutions/:id/placements', element: <InstitutionPlacementsPage /> },
      { path: 'my-rotations', element: <MyRotationsPage /> },
      { path: 'my-rotations/:placementId', element: <MyRotationPage /> },
      { path: 'students', element: <StudentsPage /> },
      { path: 'my-interviews', element: <MyInterviewsPage /> },
      { path: 'students/:placementId', element: <StudentPage /> },
      { path: 'verify', element: <VerifyPage /> },
      { path: 'verify/:code', element: <VerifyPage /> },
      { path: 'institutions/:id/match-rounds/:roundId', element: <InstitutionMatchRoundsPage /> },
      { path: 'institution-groups', element: <InstitutionGroupsPage /> },
      { path: 'institution-groups/:groupId', element: <InstitutionGroupPage /> },
      { path: 'match-rounds', element: <MatchRoundsPage /> },
      { path: 'match-rounds/:roundId', element: <MatchRoundPage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'documents', element: <DocumentsPage /> },
      { path: 'letters', element: <LettersPage /> },
      { path: 'letters/upload', element: <LetterUploadPage /> },
      { path: 'school-verification', element: <SchoolVerificationPage /> },
      { path: 'applications', element: <ApplicationsPage /> },
      { path: 'onboarding', element: <OnboardingPage /> },
      { path: 'applications/:applicationId', element: <ApplicationPage /> },
      { path: 'applications/:applicationId/interview', element: <ApplicationInterviewPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'accept-invitation', element: <AcceptInvitationPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
