; Inno Setup script: a Windows installer for the bundle that packaging/build.py makes.
; Installs for the user alone, without administrator rights, into the user's programs
; folder (%LOCALAPPDATA%\Programs\KKR Desk), with a Start menu entry. Not run in CI
; (Inno Setup is Windows-only); see docs/packaging.md. From the checkout, after the build:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\kkr-desk.iss
;
; The version must be pyproject.toml's (the workflow in .github/workflows passes it).

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z kkr-desk.iss
#endif

[Setup]
AppId={{CBCEB9A5-AA30-470E-83C0-F187B46BFCCA}
AppName=KKR Desk
AppVersion={#AppVersion}
AppVerName=KKR Desk {#AppVersion}
AppPublisher=KKR Desk
; Per user: {autopf} is then %LOCALAPPDATA%\Programs and {autoprograms} the user's Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\KKR Desk
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=KKR-Desk-{#AppVersion}-installer
SetupIconFile=resources\icon.ico
UninstallDisplayIcon={app}\kkr-desk.exe
UninstallDisplayName=KKR Desk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The user's meetings live in %LOCALAPPDATA%\KKR Desk, not here: uninstalling keeps them.

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole library folder: no file of an older version may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\KKR Desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\KKR Desk"; Filename: "{app}\kkr-desk.exe"; Comment: "Deltagere, dagsorden og beslutninger til KKR-møder"
Name: "{autodesktop}\KKR Desk"; Filename: "{app}\kkr-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\kkr-desk.exe"; Description: "{cm:LaunchProgram,KKR Desk}"; Flags: nowait postinstall skipifsilent
