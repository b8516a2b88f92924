from bench.reporting.main import main

main()
