#include "services/demo.h"

#include "store/vault.h"

#include "services/onboarding.h"
#include "store/catalog.h"
#include "store/onboarding.h"
#include "store/placements.h"

#include "adapters/crypto.h"
#include "adapters/random.h"
#include "services/accounts.h"
#include "services/catalog.h"
#include "services/completion.h"
#include "services/institutions.h"
#include "store/accounts.h"
#include "store/catalog.h"
#include "store/completion.h"
#include "store/institutions.h"
#include "store/placements.h"

namespace clerkship::services {

const char* const kDemoPassword = "clerkship-demo-2027";

namespace {

// A handful of published offerings with blocks in 2027, so search has something to find.
core::Status LoadDemoCatalog(Context& ctx, const std::vector<std::string>& institution_ids) {
  struct Demo {
    int institution;
    const char* title;
    const char* specialty;
    const char* type;
    const char* city;
    const char* state;
    int64_t tuition_graduate;
    std::vector<std::string> visas;
    const char* description;
  } demos[] = {
      {0, "Cardiology Elective", "cardiology", "elective", "Chicago", "IL", 250000, {"b1_b2", "j1"},
       "Four weeks on the inpatient cardiology consult service and heart-failure clinic, with daily "
       "teaching rounds, echo reading sessions and a case presentation."},
      {0, "Internal Medicine Core Clerkship", "internal_medicine", "core", "Chicago", "IL", 300000, {"b1_b2"},
       "Ward team member on general medicine: admissions, daily notes in the EMR, family meetings."},
      {0, "Psychiatry Observership", "psychiatry", "observership", "Chicago", "IL", 120000, {"b1_b2", "esta"},
       "Observe inpatient and consult-liaison psychiatry; no hands-on patient care."},
      {1, "Emergency Medicine Sub-Internship", "emergency_medicine", "sub_internship", "Oakland", "CA", 350000,
       {"j1"}, "Acting intern shifts in a level II trauma center with a standardized letter of evaluation."},
      {1, "Pediatrics Elective", "pediatrics", "elective", "Oakland", "CA", 200000, {"b1_b2"},
       "Community pediatrics clinic and newborn nursery."},
  };
  Actor system{"system:demo", ""};
  for (const auto& d : demos) {
    core::OfferingDraft o;
    o.title = d.title;
    o.specialty = d.specialty;
    o.type = d.type;
    o.hands_on = std::string(d.type) != "observership";
    o.description = d.description;
    o.city = d.city;
    o.state = d.state;
    o.country = "US";
    o.duration_weeks = 4;
    o.eligibility.visas_accepted = d.visas;
    o.eligibility.required_exams = {"usmle_step1"};
    o.required_documents = {{"immunization_record", 1}, {"tb_test", 1}, {"background_check", 1},
                            {"cv", 1}, {"letter_of_recommendation", 2}};
    o.fees = {{"application", "all", 10000, ""}, {"tuition", "student", 0, ""},
              {"tuition", "graduate", d.tuition_graduate, ""}, {"deposit", "all", 50000, "refundable"}};
    o.refund_policy = "Deposit refunded in full up to 30 days before the start date.";
    o.emr_access = o.hands_on;
    o.letter_usually = o.hands_on;
    o.visa_letter = true;
    o.contact_email = "rotations@example.org";
    const std::string& inst = institution_ids[d.institution];
    auto created = CreateOffering(ctx, system, inst, o);
    if (!created) return std::unexpected(created.error());
    for (auto [start, end, deadline] : {std::tuple{"2027-03-01", "2027-03-28", "2027-01-15"},
                                        std::tuple{"2027-05-03", "2027-05-30", "2027-03-15"},
                                        std::tuple{"2027-09-06", "2027-10-03", "2027-07-15"}}) {
      auto b = AddBlock(ctx, system, inst, created->offering.id, {start, end, 3, "2026-09-01", deadline});
      if (!b) return std::unexpected(b.error());
    }
    auto p = SetOfferingStatus(ctx, system, inst, created->offering.id, "published");
    if (!p) return std::unexpected(p.error());
  }
  return {};
}

// Onboarding (issue 7): items for Lakeshore's Cardiology Elective, its
// letterhead, and Amina's accepted placement in the March block with the
// documents and items still missing, so the "Cleared to start" board shows
// something. The application is written as accepted directly (Amina has no
// vault documents, so she could not submit through the service).
core::Status LoadDemoOnboarding(Context& ctx, const std::string& lakeshore, const std::string& amina) {
  Actor system{"system:demo", ""};
  std::string offering_id;
  auto found = ctx.db.RunRead<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
    for (const auto& o : store::ListOfferings(tx, lakeshore)) {
      if (o.title == "Cardiology Elective") return o.id;
    }
    return std::string();
  });
  if (!found) return std::unexpected(found.error());
  offering_id = *found;
  if (offering_id.empty()) return {};
  std::vector<core::OnboardingItemDraft> items = {
      {"", "orientation", "First-day orientation", "Bring your passport and the printed badge form.", "2027-03-01",
       "08:00", "Lakeshore Pavilion B, room 210 (enter from Erie Street)"},
      {"", "badge_photo", "Badge photo", "", "", "", ""},
      {"", "information", "Parking", "Visitor garage C on Erie Street, level 3. Ask the orientation desk for a "
       "student rate ($8 a day).", "", "", ""},
      {"", "information", "Housing", "The visiting-student residence on Huron Street has rooms at $45 a night; "
       "book through rotations@example.org at least 3 weeks ahead.", "", "", ""},
      {"", "policy", "Patient confidentiality (HIPAA)", "I will keep all patient information confidential, will "
       "not photograph patients or records, and will not discuss patients on social media.", "", "", ""},
      {"", "policy", "Code of conduct", "I will follow the instructions of my supervising physician, introduce "
       "myself as a visiting student, and not provide care beyond my level of training.", "", "", ""}};
  auto saved = SaveOfferingOnboarding(ctx, system, lakeshore, offering_id, items);
  if (!saved) return std::unexpected(saved.error());
  auto head = SaveLetterhead(ctx, system, {lakeshore, "1200 N Lake Shore Drive, Chicago, IL 60611, USA",
                                           "+1 312 555 0100", "Dr. Maria Alvarez",
                                           "Director of Visiting Student Programs", ""});
  if (!head) return std::unexpected(head.error());
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto blocks = store::ListBlocks(tx, offering_id);
    if (blocks.empty()) return {};
    const auto& b = blocks.front();
    std::string now = core::FormatIso8601(ctx.clock.Now());
    store::ApplicationRow a;
    a.id = adapters::NewId();
    a.applicant_id = amina;
    a.offering_id = offering_id;
    a.institution_id = lakeshore;
    a.status = "accepted";
    a.created_at = a.submitted_at = a.updated_at = now;
    a.block_ids = {b.id};
    store::InsertApplication(tx, a);
    store::AddBlockApplications(tx, b.id, 1);
    if (!store::TakeSeat(tx, b.id)) return {};
    store::PlacementRow p;
    p.id = adapters::NewId();
    p.application_id = a.id;
    p.applicant_id = amina;
    p.institution_id = lakeshore;
    p.offering_id = offering_id;
    p.block_id = b.id;
    p.source = "offer";
    p.status = "scheduled";
    p.start_date = b.draft.start_date;
    p.end_date = b.draft.end_date;
    p.created_at = p.updated_at = now;
    store::InsertPlacement(tx, p);
    // She has read the parking note already; the rest is missing.
    auto stored = store::ListOnboardingItems(tx, offering_id);
    for (const auto& i : stored) {
      if (i.title == "Parking") store::SaveOnboardingRecord(tx, {p.id, i.id, "acknowledge", "", i.version, amina, now});
    }
    return {};
  });
}

// Rotation completion (issue 8): Amina completed the Cardiology Elective at
// Lakeshore in a past block with Dr. Petrova (attendance, a released
// evaluation, an issued certificate), and is in progress on the Internal
// Medicine Core Clerkship with her (to evaluate in the demo).
core::Status LoadDemoCompletion(Context& ctx, const std::string& institution_id, const std::string& applicant_id,
                                const std::string& preceptor_id) {
  struct Seed {
    const char* title;
    const char* start;
    const char* end;
    const char* status;
  } seeds[] = {{"Cardiology Elective", "2026-09-07", "2026-10-02", "completed"},
               {"Internal Medicine Core Clerkship", "2026-11-02", "2026-11-27", "in_progress"}};
  std::string completed_id;
  auto st = ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    std::string now = core::FormatIso8601(ctx.clock.Now());
    for (const auto& seed : seeds) {
      std::string offering_id;
      for (const auto& o : store::ListOfferings(tx, institution_id)) {
        if (o.title == seed.title) offering_id = o.id;
      }
      if (offering_id.empty()) return core::Internal("demo offering missing");
      core::Block block{adapters::NewId(), offering_id, {seed.start, seed.end, 3, "2026-03-01", "2026-07-15"}, 0, 0};
      store::InsertBlock(tx, block, now);
      store::ApplicationRow a;
      a.id = adapters::NewId();
      a.applicant_id = applicant_id;
      a.offering_id = offering_id;
      a.institution_id = institution_id;
      a.status = "accepted";
      a.created_at = a.submitted_at = a.updated_at = now;
      a.block_ids = {block.id};
      store::InsertApplication(tx, a);
      store::TakeSeat(tx, block.id);
      store::PlacementRow p;
      p.id = adapters::NewId();
      p.application_id = a.id;
      p.applicant_id = applicant_id;
      p.institution_id = institution_id;
      p.offering_id = offering_id;
      p.block_id = block.id;
      p.source = "offer";
      p.status = seed.status;
      p.preceptor_id = preceptor_id;
      p.start_date = seed.start;
      p.end_date = seed.end;
      p.created_at = p.updated_at = now;
      store::InsertPlacement(tx, p);
      bool done = std::string(seed.status) == "completed";
      store::SetPlacementDates(tx, p.id, {seed.start, done ? seed.end : ""});
      if (!done) continue;
      completed_id = p.id;
      std::vector<store::AttendanceRow> days;
      for (int d = 7; d <= 30; ++d) {
        std::string day = "2026-09-" + std::string(d < 10 ? "0" : "") + std::to_string(d);
        days.push_back({p.id, day, d == 15 ? "absent" : "present", d == 15 ? "USMLE Step 2 CS travel" : "",
                        preceptor_id, now});
      }
      store::ReplaceAttendance(tx, p.id, days);
      store::EvaluationRow e;
      e.placement_id = p.id;
      e.preceptor_id = preceptor_id;
      e.hands_on = true;
      e.ratings = R"({"interpersonal_communication":5,"medical_knowledge":4,"patient_care":4,)"
                  R"("practice_based_learning":4,"professionalism":5,"systems_based_practice":3})";
      e.comments = "Amina presented new consults clearly and followed her patients closely. She read around every "
                   "case and asked for feedback daily. Next step: more independence with U.S. documentation.";
      e.status = "released";
      e.submitted_at = e.released_at = e.created_at = e.updated_at = now;
      store::InsertEvaluation(tx, e);
    }
    store::BumpCatalogVersion(tx);
    return {};
  });
  if (!st) return st;
  Actor amina{applicant_id, ""};
  auto cert = MyCertificate(ctx, amina, completed_id);  // issues the certificate (stable code)
  if (!cert) return std::unexpected(cert.error());
  return {};
}

}  // namespace

core::Result<int> LoadDemoIfEmpty(Context& ctx) {
  auto count = ctx.db.Run<int>([](store::Tx& tx) -> core::Result<int> {
    return store::CountInstitutions(tx);
  });
  if (!count) return std::unexpected(count.error());
  if (*count > 0) return 0;
  const core::InstitutionDraft kDemo[] = {
      {"Lakeshore University Medical Center", "Chicago", "IL", "US", "America/Chicago",
       "https://lakeshore.example.org"},
      {"Bayview Community Hospital", "Oakland", "CA", "US", "America/Los_Angeles",
       "https://bayview.example.org"},
      {"St. Brendan's Teaching Hospital", "Boston", "MA", "US", "America/New_York",
       "https://stbrendans.example.org"},
      {"Gulf Coast Regional Medical Center", "Houston", "TX", "US", "America/Chicago", ""},
  };
  Actor system{"system:demo", ""};
  static const char* kDemoProfile = R"({"legal_name":"Amina Khan","preferred_name":"Amina","passport_name":"AMINA KHAN",
    "date_of_birth":"1998-03-14","citizenship":"PK","country_of_residence":"PK","phone":"+92 300 1234567",
    "school":{"name":"King Edward Medical University","country":"PK","graduation_date":"2024-11-30","degree":"MBBS"},
    "status":"graduate",
    "exams":[{"exam":"usmle_step1","result":"pass","date":"2023-08-21"},
             {"exam":"usmle_step2ck","result":"score","score":248,"date":"2024-06-10"},
             {"exam":"oet","result":"pass","date":"2024-02-02"}],
    "ecfmg":{"status":"in_progress"},
    "visa":{"current":"b1_b2","needs_visa":true},
    "languages":[{"language":"Urdu","level":"native"},{"language":"English","level":"fluent"},{"language":"Punjabi","level":"fluent"}],
    "experiences":[{"kind":"clinical","title":"Internal medicine house job","organization":"Mayo Hospital","specialty":"internal_medicine","city":"Lahore","country":"PK","start":"2024-12-01","end":"2025-11-30","hands_on":true,"us_clinical":false,"description":"Ward rounds, admissions and night calls on a 60-bed medical unit."},
                   {"kind":"research","title":"Glycaemic control in Ramadan fasting","organization":"KEMU Department of Medicine","start":"2023-01-01","end":"2023-12-31","description":"Prospective cohort, 212 patients."}],
    "specialty_interests":["internal_medicine","cardiology"],
    "personal_statement":"I want to train in internal medicine in the United States and bring what I learn back to district hospitals at home."})";
  std::vector<std::string> ids;
  for (const auto& d : kDemo) {
    auto r = CreateInstitution(ctx, system, d);
    if (!r) return std::unexpected(r.error());
    ids.push_back(r->id);
  }
  auto admin = EnsureAdmin(ctx, "admin@clerkship.example", kDemoPassword, "Platform Admin");
  if (!admin) return std::unexpected(admin.error());
  // Staff and one applicant, all verified, all with the demo password.
  struct Person {
    const char* email;
    const char* name;
    int institution;  // -1: applicant
    core::Role role;
  } people[] = {
      {"coordinator@lakeshore.example", "Grace Okafor", 0, core::Role::kCoordinator},
      {"reviewer@lakeshore.example", "Dr. Rahul Mehta", 0, core::Role::kReviewer},
      {"preceptor@lakeshore.example", "Dr. Elena Petrova", 0, core::Role::kPreceptor},
      {"coordinator@bayview.example", "Marcus Lee", 1, core::Role::kCoordinator},
      {"amina.khan@example.org", "Amina Khan", -1, core::Role::kReviewer},
  };
  std::string hash = adapters::HashPassword(kDemoPassword);
  std::string amina, preceptor_id;
  auto st = ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    std::string now = core::FormatIso8601(ctx.clock.Now());
    for (const auto& p : people) {
      store::UserRow u{adapters::NewId(), p.email, hash, p.name, now, p.institution < 0, false, now};
      store::InsertUser(tx, u);
      if (p.institution < 0) amina = u.id;
      if (p.institution == 0 && p.role == core::Role::kPreceptor) preceptor_id = u.id;
      if (p.institution >= 0) {
        store::InsertMembership(tx, adapters::NewId(), u.id, ids[p.institution], p.role, now);
      } else {
        // The demo applicant has a profile (no documents: those need the vault key of `serve`).
        store::SaveProfile(tx, {u.id, kDemoProfile, "Amina Khan", 1, now}, 0);
      }
    }
    return {};
  });
  if (!st) return std::unexpected(st.error());
  if (auto c = LoadDemoCatalog(ctx, ids); !c) return std::unexpected(c.error());
  if (auto o = LoadDemoOnboarding(ctx, ids[0], amina); !o) return std::unexpected(o.error());
  if (auto c = LoadDemoCompletion(ctx, ids[0], amina, preceptor_id); !c) return std::unexpected(c.error());
  return static_cast<int>(ids.size());
}

}  // namespace clerkship::services
