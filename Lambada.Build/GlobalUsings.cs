global using Lambada.Build.Scanning;
global using Lambada.Build.Validation;
global using Lambada.Build.Manifest;
