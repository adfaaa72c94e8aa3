// No annotation in the code: privacy-annotations.json beside the policy
// gives them.
struct Account { const char *email; };
namespace stats {
int count(const Account &a) { return a.email[0]; }
} // namespace stats
