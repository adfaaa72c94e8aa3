// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-unannotated-personal-data %t

// Type hints: a socket address, an in_addr, Qt's and Boost's and Poco's
// address classes hold an IP address whatever the name, unless the name
// says it is the program's own (docs/checks/unannotated-personal-data.md).

#include "privacy.h"
#include <netinet/in.h>
#include <sys/socket.h>
#include <memory>
#include <optional>
#include <vector>

// Stand-ins with the real qualified names: the classifier matches names.
class QHostAddress {};
namespace boost::asio::ip {
class address {};
} // namespace boost::asio::ip
typedef boost::asio::ip::address PeerAddress;

struct Connection {
  struct sockaddr_in peer;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: field 'Connection::peer' looks like an IP address but carries no PRIVACY_DATA; the checks cannot follow it (policy item 'ip_address'?) [privacy-unannotated-personal-data]
  in6_addr from;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: field 'Connection::from' looks like an IP address
  QHostAddress *origin;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: field 'Connection::origin' looks like an IP address
  std::optional<boost::asio::ip::address> who;
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: field 'Connection::who' looks like an IP address
  std::vector<in_addr> visitors;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: field 'Connection::visitors' looks like an IP address
  PeerAddress last;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Connection::last' looks like an IP address

  // Quiet: the program's own addresses, and other socket types.
  struct sockaddr_in serverAddr;
  struct sockaddr_in listenAddress;
  in_addr netmask;
  struct sockaddr_in6 bindAddr;
  QHostAddress localAddress;
  int fd;
  struct sockaddr generic;
};
