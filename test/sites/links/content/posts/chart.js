document.querySelector("h1").dataset.chart = "drawn";
