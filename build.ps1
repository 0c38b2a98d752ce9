#!/usr/bin/env pwsh
# Entry point on Windows/PowerShell: ./build.ps1 <Target...> [--parameter value]. Same behaviour as build.sh:
# compile build/_build.csproj only when its sources changed, then start the built assembly directly.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Project = Join-Path $Root 'build/_build.csproj'
$Dll = Join-Path $Root '.artifacts/dotnet/bin/_build/release/_build.dll'
$Stamp = Join-Path $Root '.artifacts/dotnet/_build.inputs.sha256'
$Wanted = (Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json).sdk.version

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error "build.ps1: the .NET SDK is not installed. Install .NET SDK $Wanted or a later 10.x, then run this again."
    exit 1
}
Push-Location $Root
try {
    dotnet --version *> $null
    if ($LASTEXITCODE -ne 0) {
        $installed = (dotnet --list-sdks | ForEach-Object { ($_ -split ' ')[0] }) -join ', '
        Write-Error "build.ps1: no installed .NET SDK satisfies global.json (wants $Wanted, rolling forward within 10.x; installed: $installed)."
        exit 1
    }
    $files = Get-ChildItem -Path (Join-Path $Root 'build') -Recurse -File -Include *.cs, *.csproj, *.props, *.targets |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } | Sort-Object FullName
    $files += Get-Item (Join-Path $Root 'global.json')
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $all = ($files | ForEach-Object { (Get-FileHash $_.FullName -Algorithm SHA256).Hash }) -join "`n"
    $hash = [Convert]::ToHexString($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($all)))
    if (-not (Test-Path $Dll) -or -not (Test-Path $Stamp) -or (Get-Content $Stamp -Raw) -ne $hash) {
        Write-Host 'build.ps1: compiling the build project (sources changed)...'
        dotnet build $Project -c Release --nologo -v quiet -clp:NoSummary
        if ($LASTEXITCODE -ne 0) { Write-Error 'build.ps1: the build project does not compile (see the errors above).'; exit 1 }
        New-Item -ItemType Directory -Force -Path (Split-Path $Stamp) | Out-Null
        Set-Content -Path $Stamp -Value $hash -NoNewline
    }
    dotnet $Dll @args
    exit $LASTEXITCODE
}
finally { Pop-Location }
