# SPDX-License-Identifier: GPL-3.0-or-later
# The CSV reader's fuzz target (include()d from tests/fuzz/CMakeLists.txt).
# - tst_fuzz_csv_replay (any compiler): fuzz_csv.cpp linked with the shared replay main; ctest runs it
#   over the hand-written Portal files and corpus/csv, so every crash found once stays fixed.
# - fuzz_csv (Clang only): the libFuzzer binary. Run:
#     fuzz_csv -max_total_time=60 <scratch dir> tests/fuzz/corpus/csv tests/data/portal
add_executable(tst_fuzz_csv_replay ${CMAKE_CURRENT_LIST_DIR}/fuzz_csv.cpp ${CMAKE_CURRENT_LIST_DIR}/fuzz_replay_main.cpp)
target_link_libraries(tst_fuzz_csv_replay PRIVATE cidadao_common cidadao_data Qt6::Core)
add_test(NAME tst_fuzz_csv_replay
         COMMAND tst_fuzz_csv_replay "${CMAKE_CURRENT_LIST_DIR}/corpus/csv" "${PROJECT_SOURCE_DIR}/tests/data/portal")
set_tests_properties(tst_fuzz_csv_replay PROPERTIES LABELS "importers;fuzz" TIMEOUT 300)

if(CMAKE_CXX_COMPILER_ID MATCHES Clang)
    # The reader's own sources compiled in, so that libFuzzer gets coverage feedback from them.
    add_executable(fuzz_csv ${CMAKE_CURRENT_LIST_DIR}/fuzz_csv.cpp
                            ${PROJECT_SOURCE_DIR}/backend/data/csvreader.cpp ${PROJECT_SOURCE_DIR}/backend/data/values.cpp)
    target_include_directories(fuzz_csv PRIVATE ${PROJECT_SOURCE_DIR}/backend)
    target_compile_options(fuzz_csv PRIVATE -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer)
    target_link_options(fuzz_csv PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_csv PRIVATE cidadao_common Qt6::Core)
endif()
