#!/usr/bin/env pwsh
# Entry point on Windows/PowerShell: ./build.ps1 <Target...> [--parameter value]. Same behaviour as build.sh:
# compile build/_build.csproj only when its sources changed, then start the built assembly directly; a warm call
# decides from file times alone (no hash, no SDK check).
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

# build/, its folders (an added, deleted or renamed file changes its folder) and sources, and global.json
function Get-Inputs([switch]$Folders) {
    $build = Join-Path $Root 'build'
    $items = Get-ChildItem -Path $build -Recurse -Force |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)([\\/]|$)' } |
        Where-Object { ($Folders -and $_.PSIsContainer) -or (-not $_.PSIsContainer -and $_.Extension -in '.cs', '.csproj', '.props', '.targets') }
    @($items) + @(Get-Item (Join-Path $Root 'global.json')) + @(if ($Folders) { Get-Item $build })
}

# Warm path, as build.sh: nothing changed since the stamp. Changed = modified, created, or (Unix) its inode changed
# (ctime: set to now by every write, touch, rename or checkout, and never set back, so a file whose modification time
# was rewound by git-restore-mtime, robocopy, cp -p or tar still counts).
function Test-ChangedSinceStamp {
    $since = (Get-Item $Stamp).LastWriteTimeUtc
    foreach ($item in Get-Inputs -Folders) {
        $times = @($item.LastWriteTimeUtc, $item.CreationTimeUtc)
        if ($null -ne $item.UnixStat) { $times += $item.UnixStat.StatusChangeTime.ToUniversalTime() }
        if (@($times | Where-Object { $_ -gt $since }).Count -gt 0) { return $true }
    }
    return $false
}

function Get-InputsHash {
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $all = (Get-Inputs | Sort-Object FullName | ForEach-Object { (Get-FileHash $_.FullName -Algorithm SHA256).Hash }) -join "`n"
    [Convert]::ToHexString($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($all)))
}

Push-Location $Root
try {
    $now = [DateTime]::UtcNow
    $started = $now.AddTicks(-($now.Ticks % [TimeSpan]::TicksPerSecond))   # whole seconds, as build.sh's stamp
    if ((Test-Path $Dll) -and (Test-Path $Stamp) -and -not (Test-ChangedSinceStamp)) {
        # warm: nothing changed since the last build
    }
    else {
        $hash = Get-InputsHash
        if (-not (Test-Path $Dll) -or -not (Test-Path $Stamp) -or (Get-Content $Stamp -Raw) -ne $hash) {
            # only compiling needs the SDK that global.json names; running the built assembly needs the runtime alone
            dotnet --version *> $null
            if ($LASTEXITCODE -ne 0) {
                $installed = (dotnet --list-sdks | ForEach-Object { ($_ -split ' ')[0] }) -join ', '
                Write-Error "build.ps1: no installed .NET SDK satisfies global.json (wants $Wanted, rolling forward within 10.x; installed: $installed)."
                exit 1
            }
            Write-Host 'build.ps1: compiling the build project (sources changed)...'
            dotnet build $Project -c Release --nologo -v quiet -clp:NoSummary
            if ($LASTEXITCODE -ne 0) { Write-Error 'build.ps1: the build project does not compile (see the errors above).'; exit 1 }
            New-Item -ItemType Directory -Force -Path (Split-Path $Stamp) | Out-Null
            Set-Content -Path $Stamp -Value $hash -NoNewline
        }
        # a source saved while compiling changed after the stamp: hashed again next time
        (Get-Item $Stamp).LastWriteTimeUtc = $started
    }
    dotnet $Dll @args
    exit $LASTEXITCODE
}
finally { Pop-Location }
