"""The grants report (command, XLSX, annual-report section, metrics): one selector."""
