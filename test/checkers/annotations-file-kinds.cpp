// RUN: %check_clang_tidy --policy %S/Inputs/policy.json --annotations %S/Inputs/vendor/annotations.json %s privacy-cross-border-transfer,privacy-undeclared-recipient,privacy-missing-consent %t -- -- -isystem %S/Inputs/vendor

// Every kind of annotation given in an annotations file, on a third-party
// SDK's header (a system header): transfers of the whole call and of one
// parameter, a consent check, an anonymizer, data on fields and purposes.
#include "vendor.h"

namespace helpdesk {
void upload(const Vendor::Contact &c) {
  vendor_upload(c.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
  vendor_audit("ticket", c.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sending personal data 'email' to recipient 'sk_infosec', which the policy does not declare for it (items allowed for 'sk_infosec': name, phone_mobile) [privacy-undeclared-recipient]
}
} // namespace helpdesk

namespace campaign {
void call(const Vendor::Contact &c) { vendor_audit("call", c.phone); }
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: sending personal data 'phone_mobile' to recipient 'sk_infosec' for purpose 'marketing', which the policy does not declare for it (purposes declared for 'sk_infosec': support) [privacy-undeclared-recipient]
// CHECK-MESSAGES: :[[@LINE-2]]:62: warning: using personal data 'phone_mobile' from field 'Vendor::Contact::phone' for purpose 'marketing' needs consent 'marketing', but no PRIVACY_CONSENT_CHECK for it guards every path to this use [privacy-missing-consent]
} // namespace campaign

// --- quiet ------------------------------------------------------------------

namespace helpdesk {
void quietUpload(const Vendor::Contact &c) {
  vendor_upload(c.email);              // freshworks may receive email
  vendor_upload(vendor_hash(c.phone)); // anonymized first
  vendor_audit(c.email, "ticket");     // only the second parameter is sent
}
} // namespace helpdesk

namespace campaign {
void guardedCall(const Vendor::Contact &c) {
  if (vendor_has_marketing_consent(c.id))
    vendor_audit("call", c.phone);
  // The consent guards the use; the recipient is still not declared for
  // this purpose (docs/checks/undeclared-recipient.md).
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: sending personal data 'phone_mobile' to recipient 'sk_infosec' for purpose 'marketing', which the policy does not declare for it (purposes declared for 'sk_infosec': support) [privacy-undeclared-recipient]
}
} // namespace campaign
