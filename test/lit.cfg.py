# lit configuration for privacy-tidy.
import os
import shutil

import lit.formats

config.name = "privacy-tidy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.privacy_obj_root, "test")

src = config.privacy_src_root
obj = config.privacy_obj_root
bin19 = config.llvm_bin
plugin = os.path.join(obj, "lib", "libprivacy-tidy.so")

# A build of scripts/sanitize.sh: the tools and plugins use ASan's shared
# runtime; preloading it into every process of a test lets the unsanitized
# hosts (clang-tidy-19, clang++-19) load the sanitized plugins. Leaks are
# not checked: the hosts and Python leak on purpose at exit. ASan leaves the
# alternate signal stack to LLVM: LLVM installs one of its own (malloc'd) in
# each thread, which ASan would unmap at the thread's exit ("failed to
# deallocate ... error code: 22", docs/testing.md, "Sanitizers").
if getattr(config, "sanitizer_runtime", ""):
    config.environment["LD_PRELOAD"] = config.sanitizer_runtime
    config.environment["ASAN_OPTIONS"] = (
        "detect_leaks=0:abort_on_error=0:allocator_may_return_null=1:"
        "use_sigaltstack=0")
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    config.available_features.add("sanitizer")

config.environment["PATH"] = os.pathsep.join(
    [os.path.join(obj, "bin"), bin19, config.environment.get("PATH", "")])

config.substitutions.append(("%privacy_src", src))
config.substitutions.append(("%privacy_obj", obj))
config.substitutions.append(("%llvm_bin", bin19))
config.substitutions.append(("%privacy_plugin", plugin))
config.substitutions.append(
    ("%privacy_compiler_plugin", os.path.join(obj, "lib", "libprivacy-plugin.so")))
config.substitutions.append(("%annotations", os.path.join(src, "annotations")))
config.substitutions.append(("%policies", os.path.join(src, "rules", "policies")))
config.substitutions.append(
    ("%check_clang_tidy",
     "%s %s --clang-tidy %s --plugin %s --filecheck %s --include %s"
     % (config.python, os.path.join(src, "test", "check_clang_tidy.py"),
        os.path.join(bin19, "clang-tidy"), plugin,
        os.path.join(bin19, "FileCheck"), os.path.join(src, "annotations"))))
config.substitutions.append(
    ("%clang_tidy", "%s --load=%s" % (os.path.join(bin19, "clang-tidy"), plugin)))
config.substitutions.append(("%clangxx", os.path.join(bin19, "clang++")))
config.substitutions.append(("%clang_cc", os.path.join(bin19, "clang")))
config.substitutions.append(("%python", config.python))
config.substitutions.append(
    ("%make_db", "%s %s" % (config.python,
                            os.path.join(src, "test", "scan", "make_db.py"))))
config.substitutions.append(
    ("%expect_exit", "%s %s" % (config.python,
                                os.path.join(src, "test", "expect_exit.py"))))

# g++ and gcc check that the header is empty and quiet elsewhere.
for tool in ("g++", "gcc"):
    if shutil.which(tool):
        config.available_features.add(tool)

# The format check of the project's own code (test/lint).
if shutil.which("clang-format-19"):
    config.available_features.add("clang-format-19")

# Tests of the Qt catalog parse Debian's Qt 5 headers (qtbase5-dev).
qt5_include = "/usr/include/x86_64-linux-gnu/qt5"
if os.path.exists(os.path.join(qt5_include, "QtCore", "QString")):
    config.available_features.add("qt5")
    config.substitutions.append(("%qt5_include", qt5_include))

# The catalogs of other C++ libraries parse their Debian headers, which
# scripts/install-deps.sh installs: a test is skipped only where one is
# missing (docs/catalogs.md, "Testing a catalog").
library_headers = {
    "glog": "/usr/include/glog/logging.h",              # libgoogle-glog-dev
    "boost-log": "/usr/include/boost/log/trivial.hpp",  # libboost-log-dev
    "poco": "/usr/include/Poco/Data/Session.h",         # libpoco-dev
    "cpp-httplib": "/usr/include/httplib.h",            # libcpp-httplib-dev
    "mariadb": "/usr/include/mariadb/mysql.h",          # libmariadb-dev
    "hiredis": "/usr/include/hiredis/hiredis.h",        # libhiredis-dev
    "protobuf": "/usr/include/google/protobuf/message.h",  # libprotobuf-dev
}
for feature, header in library_headers.items():
    if os.path.exists(header):
        config.available_features.add(feature)
if shutil.which("protoc"):                              # protobuf-compiler
    config.available_features.add("protoc")

# scripts/validate-sarif.sh needs Microsoft's SARIF Multitool, an optional npm
# package (npm install --prefix <build>/npm @microsoft/sarif-multitool).
if (os.path.exists(os.path.join(obj, "npm", "node_modules", ".bin", "sarif-multitool"))
        or shutil.which("sarif-multitool")):
    config.available_features.add("sarif-validator")

# privacy-lsp (test/lsp): a JSON-RPC driver plays the editor; headless
# Neovim (Debian's neovim) is the real client when it is installed.
config.substitutions.append(
    ("%lsp_driver", "%s %s" % (config.python,
                               os.path.join(src, "test", "lsp", "lsp_driver.py"))))
config.substitutions.append(("%privacy_lsp", os.path.join(obj, "bin", "privacy-lsp")))
if shutil.which("nvim"):
    config.available_features.add("nvim")
