# The fuzz targets (fuzz/<name>.cpp) and the one core library each needs;
# included by fuzz/ (libFuzzer builds) and tests/fuzz/ (replay of the corpus
# and of every crash found, in the normal build).
set(RETELL_FUZZ_TARGETS
    fuzz_json:retell_core_validation
    fuzz_prompt:retell_core_validation
    fuzz_diff:retell_core_diff
    fuzz_config_import:retell_core_io
    fuzz_connection_url:retell_core_data
    fuzz_merge:retell_core_merge)
