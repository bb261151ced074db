using Lambada.Build.Model;
using Lambada.Testing;

namespace Lambada.Tests.Validation;

/// <summary>
/// Every validation rule, each with the bad input that triggers it: the build reports exactly that code,
/// at the line of the [LambadaFunction] attribute, with a fix, and writes no manifest.
/// </summary>
[TestClass]
public sealed class ValidationRuleTests
{
    [TestMethod]
    [DataRow("name_with_bad_characters", "LMB0101", @"[LambadaFunction(Name = ""bad name!"")] public void A() { }")]
    [DataRow("name_too_long", "LMB0101", @"[LambadaFunction(Name = ""nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"")] public void A() { }")]
    [DataRow("memory_too_small", "LMB0103", @"[LambadaFunction(MemorySize = 50)] public void A() { }")]
    [DataRow("memory_too_large", "LMB0103", @"[LambadaFunction(MemorySize = 10241)] public void A() { }")]
    [DataRow("timeout_too_large", "LMB0104", @"[LambadaFunction(Timeout = 901)] public void A() { }")]
    [DataRow("timeout_negative", "LMB0104", @"[LambadaFunction(Timeout = -1)] public void A() { }")]
    [DataRow("description_too_long", "LMB0105", @"[LambadaFunction(Description = ""ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"")] public void A() { }")]
    [DataRow("ephemeral_storage_too_small", "LMB0106", @"[LambadaFunction(EphemeralStorage = 511)] public void A() { }")]
    [DataRow("ephemeral_storage_too_large", "LMB0106", @"[LambadaFunction(EphemeralStorage = 10241)] public void A() { }")]
    [DataRow("reserved_concurrency_negative", "LMB0107", @"[LambadaFunction(ReservedConcurrency = -1)] public void A() { }")]
    [DataRow("runtime_not_in_enum", "LMB0108", @"[LambadaFunction(Runtime = (LambadaRuntime)7)] public void A() { }")]
    [DataRow("architecture_not_in_enum", "LMB0108", @"[LambadaFunction(Architecture = (LambadaArchitecture)9)] public void A() { }")]
    [DataRow("environment_key_starts_with_digit", "LMB0110", @"[LambadaFunction] [LambadaEnvironment(""1bad"", ""x"")] public void A() { }")]
    [DataRow("environment_key_one_character", "LMB0110", @"[LambadaFunction] [LambadaEnvironment(""A"", ""x"")] public void A() { }")]
    [DataRow("environment_key_with_dash", "LMB0110", @"[LambadaFunction] [LambadaEnvironment(""MY-KEY"", ""x"")] public void A() { }")]
    [DataRow("environment_key_aws_region", "LMB0111", @"[LambadaFunction] [LambadaEnvironment(""AWS_REGION"", ""x"")] public void A() { }")]
    [DataRow("environment_key_aws_lambda_prefix", "LMB0111", @"[LambadaFunction] [LambadaEnvironment(""AWS_LAMBDA_FUNCTION_NAME"", ""x"")] public void A() { }")]
    [DataRow("environment_key_handler", "LMB0111", @"[LambadaFunction] [LambadaEnvironment(""_HANDLER"", ""x"")] public void A() { }")]
    [DataRow("environment_key_lambada_prefix", "LMB0112", @"[LambadaFunction] [LambadaEnvironment(""LAMBADA_HANDLER"", ""x"")] public void A() { }")]
    [DataRow("environment_over_4_kb", "LMB0113", @"[LambadaFunction] [LambadaEnvironment(""BIG"", ""vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv"")] public void A() { }")]
    [DataRow("environment_key_twice", "LMB0114", @"[LambadaFunction] [LambadaEnvironment(""KEY"", ""a"")] [LambadaEnvironment(""KEY"", ""b"")] public void A() { }")]
    [DataRow("tag_key_aws_prefix", "LMB0120", @"[LambadaFunction] [LambadaTag(""aws:owner"", ""x"")] public void A() { }")]
    [DataRow("tag_key_lambada_prefix", "LMB0120", @"[LambadaFunction] [LambadaTag(""lambada:project"", ""x"")] public void A() { }")]
    [DataRow("tag_key_empty", "LMB0120", @"[LambadaFunction] [LambadaTag("""", ""x"")] public void A() { }")]
    [DataRow("tag_value_too_long", "LMB0121", @"[LambadaFunction] [LambadaTag(""team"", ""ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt"")] public void A() { }")]
    [DataRow("name_with_non_ascii_letter", "LMB0101", @"[LambadaFunction(Name = ""fünction"")] public void A() { }")]
    [DataRow("environment_key_with_non_ascii_letter", "LMB0110", @"[LambadaFunction] [LambadaEnvironment(""KÉY"", ""x"")] public void A() { }")]
    [DataRow("environment_key_with_arabic_indic_digit", "LMB0110", @"[LambadaFunction] [LambadaEnvironment(""KEY١"", ""x"")] public void A() { }")]
    [DataRow("environment_key_with_trailing_newline", "LMB0110", @"[LambadaFunction] [LambadaEnvironment(""KEY\n"", ""x"")] public void A() { }")]
    [DataRow("tag_key_with_exclamation_mark", "LMB0120", @"[LambadaFunction] [LambadaTag(""team!"", ""x"")] public void A() { }")]
    [DataRow("tag_key_with_emoji", "LMB0120", @"[LambadaFunction] [LambadaTag(""team🚀"", ""x"")] public void A() { }")]
    [DataRow("tag_value_with_tab", "LMB0166", @"[LambadaFunction] [LambadaTag(""team"", ""a\tb"")] public void A() { }")]
    [DataRow("tag_value_with_emoji", "LMB0166", @"[LambadaFunction] [LambadaTag(""team"", ""rocket 🚀"")] public void A() { }")]
    [DataRow("tag_key_twice", "LMB0122", @"[LambadaFunction] [LambadaTag(""team"", ""a"")] [LambadaTag(""team"", ""b"")] public void A() { }")]
    [DataRow("fifty_tags", "LMB0123", @"[LambadaFunction]
    [LambadaTag(""k0"", ""v"")]
    [LambadaTag(""k1"", ""v"")]
    [LambadaTag(""k2"", ""v"")]
    [LambadaTag(""k3"", ""v"")]
    [LambadaTag(""k4"", ""v"")]
    [LambadaTag(""k5"", ""v"")]
    [LambadaTag(""k6"", ""v"")]
    [LambadaTag(""k7"", ""v"")]
    [LambadaTag(""k8"", ""v"")]
    [LambadaTag(""k9"", ""v"")]
    [LambadaTag(""k10"", ""v"")]
    [LambadaTag(""k11"", ""v"")]
    [LambadaTag(""k12"", ""v"")]
    [LambadaTag(""k13"", ""v"")]
    [LambadaTag(""k14"", ""v"")]
    [LambadaTag(""k15"", ""v"")]
    [LambadaTag(""k16"", ""v"")]
    [LambadaTag(""k17"", ""v"")]
    [LambadaTag(""k18"", ""v"")]
    [LambadaTag(""k19"", ""v"")]
    [LambadaTag(""k20"", ""v"")]
    [LambadaTag(""k21"", ""v"")]
    [LambadaTag(""k22"", ""v"")]
    [LambadaTag(""k23"", ""v"")]
    [LambadaTag(""k24"", ""v"")]
    [LambadaTag(""k25"", ""v"")]
    [LambadaTag(""k26"", ""v"")]
    [LambadaTag(""k27"", ""v"")]
    [LambadaTag(""k28"", ""v"")]
    [LambadaTag(""k29"", ""v"")]
    [LambadaTag(""k30"", ""v"")]
    [LambadaTag(""k31"", ""v"")]
    [LambadaTag(""k32"", ""v"")]
    [LambadaTag(""k33"", ""v"")]
    [LambadaTag(""k34"", ""v"")]
    [LambadaTag(""k35"", ""v"")]
    [LambadaTag(""k36"", ""v"")]
    [LambadaTag(""k37"", ""v"")]
    [LambadaTag(""k38"", ""v"")]
    [LambadaTag(""k39"", ""v"")]
    [LambadaTag(""k40"", ""v"")]
    [LambadaTag(""k41"", ""v"")]
    [LambadaTag(""k42"", ""v"")]
    [LambadaTag(""k43"", ""v"")]
    [LambadaTag(""k44"", ""v"")]
    [LambadaTag(""k45"", ""v"")]
    [LambadaTag(""k46"", ""v"")]
    [LambadaTag(""k47"", ""v"")]
    [LambadaTag(""k48"", ""v"")]
    [LambadaTag(""k49"", ""v"")]
    public void A() { }")]
    [DataRow("role_arn_with_short_account", "LMB0130", @"[LambadaFunction(Role = ""arn:aws:iam::123:role/x"")] public void A() { }")]
    [DataRow("role_name_with_space", "LMB0130", @"[LambadaFunction(Role = ""my role"")] public void A() { }")]
    [DataRow("role_pattern_matching_everything", "LMB0130", @"[LambadaFunction(Role = ""*"")] public void A() { }")]
    [DataRow("role_pattern_ending_in_slash", "LMB0130", @"[LambadaFunction(Role = ""*/"")] public void A() { }")]
    [DataRow("alias_all_digits", "LMB0131", @"[LambadaFunction(Alias = ""123"")] public void A() { }")]
    [DataRow("alias_with_dot", "LMB0131", @"[LambadaFunction(Alias = ""v1.2"")] public void A() { }")]
    [DataRow("role_name_with_non_ascii_letters", "LMB0130", @"[LambadaFunction(Role = ""rôle_ünï"")] public void A() { }")]
    [DataRow("role_arn_with_arabic_indic_account_digits", "LMB0130", @"[LambadaFunction(Role = ""arn:aws:iam::١٢٣٤٥٦٧٨٩٠١٢:role/x"")] public void A() { }")]
    [DataRow("role_arn_with_non_ascii_path", "LMB0130", @"[LambadaFunction(Role = ""arn:aws:iam::123456789012:role/équipe/x"")] public void A() { }")]
    [DataRow("role_arn_with_empty_path_segment_after_role", "LMB0130", @"[LambadaFunction(Role = ""arn:aws:iam::123456789012:role//x"")] public void A() { }")]
    [DataRow("role_arn_with_empty_path_segment_inside", "LMB0130", @"[LambadaFunction(Role = ""arn:aws:iam::123456789012:role/a//b"")] public void A() { }")]
    [DataRow("role_arn_without_slash_after_role", "LMB0130", @"[LambadaFunction(Role = ""arn:aws:iam::123456789012:rolex"")] public void A() { }")]
    [DataRow("role_arn_with_trailing_newline", "LMB0130", @"[LambadaFunction(Role = ""arn:aws:iam::123456789012:role/x\n"")] public void A() { }")]
    [DataRow("role_pattern_with_non_ascii_letter", "LMB0130", @"[LambadaFunction(Role = ""*/rôle"")] public void A() { }")]
    [DataRow("role_pattern_with_empty_path_segment", "LMB0130", @"[LambadaFunction(Role = ""*:role/a//*"")] public void A() { }")]
    [DataRow("alias_with_non_ascii_letter", "LMB0131", @"[LambadaFunction(Alias = ""vä"")] public void A() { }")]
    [DataRow("alias_with_trailing_newline", "LMB0131", @"[LambadaFunction(Alias = ""live\n"")] public void A() { }")]
    [DataRow("handler_not_public", "LMB0140", @"[LambadaFunction] internal void A() { }")]
    [DataRow("handler_in_private_type", "LMB0140", @"private class Hidden { [LambadaFunction] public void A() { } }")]
    [DataRow("handler_generic_method", "LMB0141", @"[LambadaFunction] public T A<T>(T input) => input;")]
    [DataRow("handler_in_generic_type", "LMB0141", @"public class Box<T> { [LambadaFunction] public void A() { } }")]
    [DataRow("handler_async_void", "LMB0142", @"[LambadaFunction] public async void A() { await Task.Yield(); }")]
    [DataRow("handler_three_parameters", "LMB0143", @"[LambadaFunction] public void A(string a, ILambadaContext b, CancellationToken c) { }")]
    [DataRow("handler_ref_parameter", "LMB0144", @"[LambadaFunction] public void A(ref string input) { }")]
    [DataRow("handler_out_parameter", "LMB0144", @"[LambadaFunction] public void A(out string input) { input = """"; }")]
    [DataRow("handler_params_array", "LMB0145", @"[LambadaFunction] public void A(params string[] inputs) { }")]
    [DataRow("handler_two_events", "LMB0145", @"[LambadaFunction] public void A(string first, string second) { }")]
    [DataRow("handler_event_after_context", "LMB0145", @"[LambadaFunction] public void A(ILambadaContext context, string input) { }")]
    [DataRow("handler_two_tokens", "LMB0145", @"[LambadaFunction] public void A(CancellationToken a, CancellationToken b) { }")]
    [DataRow("handler_on_abstract_class", "LMB0146", @"public abstract class Base { [LambadaFunction] public void A() { } }")]
    [DataRow("handler_on_interface", "LMB0146", @"public interface IHandlers
    {
        [LambadaFunction]
        void A();
    }")]
    [DataRow("handler_type_without_parameterless_constructor", "LMB0147", @"public class Needs { public Needs(int x) { } [LambadaFunction] public void A() { } }")]
    [DataRow("handler_name_too_long", "LMB0148", @"[LambadaFunction(Name = ""short"")] public void Mxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx() { }")]
    [DataRow("handler_returns_by_ref", "LMB0150", @"private static int field; [LambadaFunction] public ref int A() => ref field;")]
    [DataRow("runtime_older_than_framework", "LMB0161", @"[LambadaFunction(Runtime = LambadaRuntime.Dotnet8)] public void A() { }")]
    public void Bad_input_is_reported_with_its_code_at_the_attribute(string rule, string code, string members)
    {
        var source = FixtureScan.ClassWith(members);
        var outcome = FixtureScan.Run(source);

        Assert.IsFalse(outcome.Succeeded, rule);
        var codes = outcome.Diagnostics.Select(d => d.Code).Distinct().ToArray();
        CollectionAssert.AreEquivalent(new[] { code }, codes, $"{rule}: {string.Join("; ", outcome.Diagnostics)}");
        var attributeLine = FixtureScan.LinesOf(source, "[LambadaFunction").Single();
        foreach (var diagnostic in outcome.Diagnostics)
        {
            Assert.IsNotNull(diagnostic.Location, $"{rule}: {diagnostic}");
            Assert.AreEqual(attributeLine, diagnostic.Location.Line, $"{rule}: {diagnostic}");
            Assert.IsTrue(diagnostic.Location.File.EndsWith("Functions.cs", StringComparison.Ordinal), diagnostic.Location.File);
            StringAssert.Contains(diagnostic.Message, " — ", "every message says how to fix it");
        }
    }

    [TestMethod]
    [DataRow("role_arn_under_a_path", @"[LambadaFunction(Role = ""arn:aws:iam::123456789012:role/service-role/team/x"")] public void A() { }")]
    [DataRow("role_name_with_every_iam_symbol", @"[LambadaFunction(Role = ""a+b=c,d.e@f_g-h"")] public void A() { }")]
    [DataRow("tag_key_and_value_in_other_scripts", @"[LambadaFunction] [LambadaTag(""équipe"", ""東京 データ"")] [LambadaTag(""كود_١"", ""Ünïcode ok"")] public void A() { }")]
    [DataRow("tag_with_every_allowed_symbol", @"[LambadaFunction] [LambadaTag(""a_b.c:d/e=f+g-h@i j"", ""a_b.c:d/e=f+g-h@i j"")] public void A() { }")]
    [DataRow("tag_value_empty", @"[LambadaFunction] [LambadaTag(""team"", """")] public void A() { }")]
    public void Good_input_AWS_accepts_is_accepted(string rule, string members)
    {
        var outcome = FixtureScan.Run(FixtureScan.ClassWith(members));

        Assert.AreEqual(0, outcome.Diagnostics.Count, $"{rule}: {string.Join("; ", outcome.Diagnostics)}");
    }

    [TestMethod]
    [DataRow("2026-11-09", null)]
    [DataRow("2026-11-10", "LMB0163")]
    [DataRow("2027-01-11", "LMB0163")]
    public void A_net8_function_is_warned_about_from_the_day_AWS_deprecated_dotnet8(string day, string? code)
    {
        var source = FixtureScan.ClassWith("[LambadaFunction] public void A() { }");
        var clock = new PinnedClock(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        var outcome = FixtureScan.Run(source, new ProjectOptions { Clock = clock }, Net8);

        Assert.IsTrue(outcome.Succeeded, "a warning, never an error: only the deploy knows whether it creates or updates");
        CollectionAssert.AreEqual(code is null ? Array.Empty<string>() : new[] { code }, outcome.Diagnostics.Select(d => d.Code).ToArray(), string.Join("; ", outcome.Diagnostics));
        foreach (var diagnostic in outcome.Diagnostics)
        {
            Assert.IsFalse(diagnostic.IsError);
            Assert.AreEqual(FixtureScan.LinesOf(source, "[LambadaFunction").Single(), diagnostic.Location?.Line, diagnostic.ToString());
            StringAssert.Contains(diagnostic.Message, "runs on dotnet8, which AWS deprecated on 2026-11-10; Lambda refuses to create functions on it from 2026-12-10 and to update them from 2027-01-11 — move to dotnet10 (target net10.0)");
        }
    }

    [TestMethod]
    public void An_explicit_dotnet8_runtime_is_warned_about_too_and_dotnet10_never()
    {
        var clock = new ProjectOptions { Clock = new PinnedClock(new DateOnly(2026, 12, 1)) };

        var explicit8 = FixtureScan.Run(FixtureScan.ClassWith("[LambadaFunction(Runtime = LambadaRuntime.Dotnet8)] public void A() { }"), clock, Net8);
        var inferred10 = FixtureScan.Run(FixtureScan.ClassWith("[LambadaFunction] public void A() { }"), clock);

        CollectionAssert.AreEqual(new[] { "LMB0163" }, explicit8.Diagnostics.Select(d => d.Code).ToArray());
        Assert.AreEqual(0, inferred10.Diagnostics.Count, string.Join("; ", inferred10.Diagnostics));
    }

    private const string Net8 = ".NETCoreApp,Version=v8.0";
}
