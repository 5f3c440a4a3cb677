print("nnl: under construction")
