; Inno Setup script for MMU Desktop: installs the PyInstaller bundle for all users.
;
; Built on a Windows runner only (.github/workflows/windows-installer.yml), after
;   pyinstaller build_installer.spec --noconfirm
; with
;   iscc /DAppVersion=0.1.0 packaging\windows\mmu-desktop.iss
; It cannot be built on our Linux machines; packaging/windows/iss_layout.py checks its
; file list against a bundle there (tests/test_windows_installer.py, check-installer.sh).
;
; Each user's data (database, settings, logs, backups) lives in %LOCALAPPDATA%\mmu-desktop:
; an upgrade or an uninstall never touches it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "MMU Desktop"
#define BundleDir "..\..\dist\mmu-desktop"

[Setup]
; The AppId ties upgrades to earlier installs: never change it.
AppId={{A8E00E51-84CB-4031-8D4F-9C050D4B4295}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=MMU
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=mmu-desktop-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\mmu-desktop.ico
UninstallDisplayIcon={app}\mmu-desktop.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A running copy holds its files open; ask it to close before replacing them.
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle, so no library of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The window (no console) and the commands (--self-check, sync, provision) over one bundle.
Source: "{#BundleDir}\mmu-desktop.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\mmu-desktop-cli.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\mmu-desktop.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\mmu-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\mmu-desktop.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
