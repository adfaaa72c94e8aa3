#include "privacy.h"
#include <string>

struct ShopPeer {};
struct Shop {
  std::string stampCard;
  std::string courriel;
  ShopPeer peer;
  std::string legacyEmail;
  std::string email;
};
