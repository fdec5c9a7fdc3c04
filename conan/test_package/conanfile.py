import os
from io import StringIO

from conan import ConanFile
from conan.errors import ConanException
from conan.tools.build import can_run
from conan.tools.cmake import CMake, cmake_layout


class CompactTestConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    generators = "CMakeDeps", "CMakeToolchain", "VirtualRunEnv"
    test_type = "explicit"

    def requirements(self):
        self.requires(self.tested_reference_str)

    def layout(self):
        cmake_layout(self)

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def test(self):
        if not can_run(self):
            return
        for program in ("test_package", "test_package_c"):
            self.run(os.path.join(self.cpp.build.bindir, program), env="conanrun")
        # The CLI comes in the package too: 30 working days from Friday 13 December 2024.
        cli = os.path.join(self.dependencies["compact"].package_folder, "bin", "compact")
        output = StringIO()
        self.run(f"{cli} date add 2024-12-13 30wd", stdout=output, env="conanrun")
        if output.getvalue().strip() != "2025-01-29":
            raise ConanException(f"compact date add 2024-12-13 30wd said {output.getvalue()!r}, "
                                 "not 2025-01-29")
